using BlazorPartner.Benchmarks;

// The benchmark command (see BenchmarkOptions.Usage and CircuitOptions.Usage). Exit code 1 means a target was missed.
try
{
    if (args.Length > 0 && args[0] == CircuitOptions.Mode)
    {
        return await CircuitBenchmark.RunAsync(CircuitOptions.Parse(args));
    }

    if (args.Length > 0 && args[0] == CustomerBenchmark.Mode)
    {
        return await CustomerBenchmark.RunAsync(BenchmarkOptions.Parse(args[1..]));
    }

    if (args.Length > 0 && args[0] == VoucherBenchmark.Mode)
    {
        return await VoucherBenchmark.RunAsync(args.Skip(1).ToList());
    }

    if (args.Length > 0 && args[0] == FundsBenchmark.Mode)
    {
        return await FundsBenchmark.RunAsync(args.Skip(1).ToList());
    }

    if (args.Length > 0 && args[0] == ConsumptionImportBenchmark.Mode)
    {
        return await ConsumptionImportBenchmark.RunAsync(args.Skip(1).ToList());
    }

    if (args.Length > 0 && args[0] == ConsumptionBenchmark.Mode)
    {
        return await ConsumptionBenchmark.RunAsync(args.Skip(1).ToList());
    }

    if (args.Length > 0 && args[0] == OnboardingBenchmark.Mode)
    {
        return await OnboardingBenchmark.RunAsync(args.Skip(1).ToList());
    }

    if (args.Length > 0 && args[0] == FirstVisitBenchmark.Mode)
    {
        return await FirstVisitBenchmark.RunAsync(args.Skip(1).ToList());
    }

    if (args.Length > 0 && args[0] == ResellerBenchmark.Mode)
    {
        return await ResellerBenchmark.RunAsync(args.Skip(1).ToList());
    }

    var options = BenchmarkOptions.Parse(args);
    if (options.Phase == BenchmarkOptions.ExportPhase)
    {
        await ExportPhase.RunChildAsync(options);
        return 0;
    }

    return await BenchmarkRunner.RunAllAsync(options);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}
