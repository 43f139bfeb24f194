using BlazorPartner.Benchmarks;

// The benchmark command (see BenchmarkOptions.Usage). Exit code 1 means a target was missed.
try
{
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
