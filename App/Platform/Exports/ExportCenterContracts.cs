using BlazorPartner.Core.Identity;

namespace BlazorPartner.Platform.Exports;

/// <summary>
/// A kind of export the export center can run as a background job (issue 7, section 5). A slice implements one per
/// export and registers it with <see cref="ExportDefinitionRegistration.AddExportDefinition{T}"/>. The center stores
/// <c>parameters</c> as the JSON the slice gave it and, when the job runs (possibly on another instance, later), calls
/// back with the requester's <see cref="Actor"/> rebuilt from the database, so permission and tenant are checked again
/// at run time, not only at request time.
/// </summary>
public interface IExportDefinition
{
    /// <summary>A stable code, e.g. <c>bills.lines</c>; also the resource key suffix <c>ExportKind.{Kind}</c>.</summary>
    string Kind { get; }

    /// <summary>
    /// Checks that the actor may run this export with these parameters (permission, tenant, a partner the vendor picked),
    /// throwing <c>AccessDeniedException</c> or <c>ValidationException</c>. Cheap: the download endpoint calls it again.
    /// </summary>
    Task AuthorizeAsync(Actor actor, string parameters, CancellationToken ct);

    /// <summary>Authorizes (as <see cref="AuthorizeAsync"/>) and counts the rows, for progress.</summary>
    Task<int> CountAsync(Actor actor, string parameters, CancellationToken ct);

    /// <summary>Writes the workbook to <paramref name="output"/>, reporting rows written; checks permission and tenant itself.</summary>
    Task<int> WriteAsync(Actor actor, string parameters, Stream output, IProgress<int> progress, CancellationToken ct);

    /// <summary>The download's file name (localized in the current UI culture, which the center sets to the requester's).</summary>
    string FileName(string parameters, DateTime utcNow);
}

/// <summary>Queues exports; the center's worker runs each once across instances.</summary>
public interface IExportCenter
{
    /// <summary>
    /// Checks the definition's <see cref="IExportDefinition.CountAsync"/> for the actor now (a refusal queues nothing) and
    /// queues the job; returns its id. "My exports" shows its progress.
    /// </summary>
    Task<Guid> EnqueueAsync(Actor actor, string kind, string parameters, CancellationToken ct = default);
}

public static class ExportDefinitionRegistration
{
    /// <summary>Registers the definition as itself (tests and pages may inject it) and as one of the center's definitions.</summary>
    public static IServiceCollection AddExportDefinition<T>(this IServiceCollection services)
        where T : class, IExportDefinition
    {
        services.AddSingleton<T>();
        services.AddSingleton<IExportDefinition>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
