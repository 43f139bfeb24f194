namespace BlazorPartner.Core.Data;

/// <summary>
/// Rows two users may edit at once carry a version. By convention (AppDbContext) it is the row's concurrency token and
/// SaveChanges bumps it, so a command that started from a stale copy fails instead of overwriting.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
