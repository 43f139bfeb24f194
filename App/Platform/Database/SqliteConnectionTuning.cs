using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BlazorPartner.Platform.Database;

/// <summary>
/// SQLite's page cache is per connection and only 2 MB by default, so set-based work over a million-row table (the
/// voucher expiry pass, exports) re-reads index pages from the OS again and again. 16 MB per pooled connection keeps a
/// partner's hot index pages in memory; the pages are only allocated as they are read. Durability settings are left at
/// their defaults (WAL with synchronous=FULL): money commits must survive a power cut.
/// </summary>
internal sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    public static readonly SqliteConnectionTuning Instance = new();

    private const string Pragmas = "PRAGMA cache_size = -16384;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
