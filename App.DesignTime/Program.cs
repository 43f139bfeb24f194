// Intentionally empty: this project only hosts the design-time factories for `dotnet ef`.
Console.WriteLine("BlazorPartner design-time host for dotnet ef. See README, 'Migrations'.");
