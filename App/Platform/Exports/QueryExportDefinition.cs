using System.Text.Json;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Time;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Platform.Exports;

/// <summary>
/// An export whose parameters are a list page's query serialized as JSON: the common shape of the list exports
/// (opportunities, customers, funds ledger, voucher log). The page passes <see cref="ToParameters"/> of its current query;
/// the job writes with the requester's current permissions. The file name is the localized kind plus a Beijing stamp.
/// </summary>
public abstract class QueryExportDefinition<TQuery>(IStringLocalizer<SharedResource> localizer) : IExportDefinition
    where TQuery : class
{
    public abstract string Kind { get; }

    /// <summary>Reads the current UI culture (the center sets the requester's while the job runs).</summary>
    protected IStringLocalizer<SharedResource> Localizer { get; } = localizer;

    /// <summary>The permission the export needs (checked at enqueue, at run time and at download).</summary>
    protected abstract string Permission { get; }

    public static string ToParameters(TQuery query) => JsonSerializer.Serialize(query);

    public Task AuthorizeAsync(Actor actor, string parameters, CancellationToken ct)
    {
        actor.Demand(Permission);
        Parse(parameters);
        return Task.CompletedTask;
    }

    public async Task<int> CountAsync(Actor actor, string parameters, CancellationToken ct)
    {
        await AuthorizeAsync(actor, parameters, ct);
        return await CountAsync(actor, Parse(parameters), ct);
    }

    public Task<int> WriteAsync(Actor actor, string parameters, Stream output, IProgress<int> progress, CancellationToken ct)
    {
        actor.Demand(Permission);
        return WriteAsync(actor, Parse(parameters), output, progress, ct);
    }

    public string FileName(string parameters, DateTime utcNow) =>
        $"{Localizer[$"ExportKind.{Kind}"].Value}-{BeijingTime.ToBeijing(utcNow):yyyyMMdd-HHmmss}.xlsx";

    protected abstract Task<int> CountAsync(Actor actor, TQuery query, CancellationToken ct);

    protected abstract Task<int> WriteAsync(Actor actor, TQuery query, Stream output, IProgress<int> progress, CancellationToken ct);

    private static TQuery Parse(string parameters)
    {
        try
        {
            return JsonSerializer.Deserialize<TQuery>(parameters) ?? throw new ValidationException("parameters", "Export.InvalidParameters");
        }
        catch (JsonException)
        {
            throw new ValidationException("parameters", "Export.InvalidParameters");
        }
    }
}
