using BlazorPartner.Features.Opportunities;
using BlazorPartner.Core.Calendar;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BlazorPartner.Benchmarks;

/// <summary>
/// The slice of App/Program.cs the measured services need, registered the app's way: the provider's context factory
/// behind <c>IDbContextFactory&lt;AppDbContext&gt;</c>, the work calendar, and <see cref="OpportunityRegistration"/>.
/// </summary>
internal static class BenchmarkServices
{
    public static ServiceProvider Build(BenchmarkDatabase database, params IInterceptor[] interceptors)
    {
        var services = new ServiceCollection();
        // EF logs every command at Information; at Warning the console shows only what needs attention.
        // A failed command throws anyway; its log line is noise, e.g. the migrator probing a not-yet-created history table.
        services.AddLogging(logging => logging
            .AddSimpleConsole(o => o.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None));
        services.AddLocalization();
        services.AddSingleton(TimeProvider.System);
        database.AddDbContext(services, interceptors);
        services.AddSingleton<WorkCalendarService>();
        // The background worker it registers never starts: there is no host here. The pass is called directly.
        services.AddOpportunities(new ConfigurationBuilder().Build());
        services.AddSingleton<Seeder>();
        // The voucher figures (VoucherBenchmark): the slice's services exactly as registered, its worker never started.
        BlazorPartner.Features.Vouchers.VouchersSetup.AddVouchers(services, new ConfigurationBuilder().Build());
        return services.BuildServiceProvider();
    }
}
