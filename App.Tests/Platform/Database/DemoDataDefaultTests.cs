using BlazorPartner.Platform.Database;

namespace BlazorPartner.Tests.Platform.Database;

public class DemoDataDefaultTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, true, true)]     // the README's run command: Development on SQLite
    [InlineData(DatabaseProvider.Sqlite, false, false)]   // a deployment left on the default SQLite file
    [InlineData(DatabaseProvider.Postgres, true, false)]
    [InlineData(DatabaseProvider.Postgres, false, false)]
    public void Demo_data_is_seeded_unasked_only_in_Development_on_SQLite(DatabaseProvider provider, bool development, bool seeded)
    {
        Assert.Equal(seeded, new DatabaseOptions { Provider = provider }.SeedsDemoData(development));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_explicit_setting_wins_in_every_environment(bool development)
    {
        Assert.True(new DatabaseOptions { Provider = DatabaseProvider.Postgres, SeedDemoData = true }.SeedsDemoData(development));
        Assert.False(new DatabaseOptions { SeedDemoData = false }.SeedsDemoData(development));
    }
}
