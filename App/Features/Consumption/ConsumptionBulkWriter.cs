using System.Data.Common;
using System.Globalization;
using BlazorPartner.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace BlazorPartner.Features.Consumption;

/// <summary>
/// Stores many <see cref="ConsumptionRecord"/>s fast, skipping any whose natural key is already present (the unique index
/// on customer, day, product, charge mode, resource and sub-user), and returns how many were inserted. EF's change
/// tracker is far too slow for millions of rows, so this goes to the provider directly:
/// SQLite: one transaction and one prepared <c>INSERT OR IGNORE</c> reused for every row, binding exactly what EF stores
/// (Guid as upper-case text, DateOnly as <c>yyyy-MM-dd</c> text, enums as integers), so EF reads the rows back unchanged.
/// PostgreSQL: a binary COPY into a temporary table, then one <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c>.
/// Runs inside the context's current transaction when there is one (the import commits records, rollups and its own
/// status together); otherwise in its own.
/// </summary>
public static class ConsumptionBulkWriter
{
    private const string Columns = "\"OrganizationId\", \"CustomerId\", \"Day\", \"ProductCode\", \"ServiceType\", \"Region\", \"ChargeMode\", \"ResourceId\", \"SubUserAccount\", \"ListPriceFen\", \"DiscountFen\", \"AmountDueFen\", \"AccountManagerUserId\", \"AssociationMode\", \"ImportId\"";

    /// <summary>Inserts the records that are not there yet; <paramref name="progress"/> gets the number of rows read so far (every 10,000).</summary>
    public static async Task<long> WriteAsync(AppDbContext db, IEnumerable<ConsumptionRecord> records, Action<long>? progress = null, CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        var openedHere = connection.State != System.Data.ConnectionState.Open;
        if (openedHere)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        try
        {
            var outer = db.Database.CurrentTransaction;
            IDbContextTransaction? own = outer is null ? await db.Database.BeginTransactionAsync(ct) : null;
            var transaction = (outer ?? own)!.GetDbTransaction();
            try
            {
                var inserted = connection switch
                {
                    SqliteConnection sqlite => WriteSqlite(sqlite, (SqliteTransaction)transaction, records, progress, ct),
                    NpgsqlConnection postgres => await WritePostgresAsync(postgres, (NpgsqlTransaction)transaction, records, progress, ct),
                    _ => throw new NotSupportedException($"Bulk writing is not implemented for {connection.GetType().Name}."),
                };
                if (own is not null)
                {
                    await own.CommitAsync(ct);
                }

                return inserted;
            }
            finally
            {
                if (own is not null)
                {
                    await own.DisposeAsync();
                }
            }
        }
        finally
        {
            if (openedHere)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>
    /// SQLite's page cache while a batch is written, in KiB. The default (2 MB) is far smaller than the table's four
    /// indexes, so rows landing at random places in them made SQLite spill and re-read the same pages many times per
    /// batch; with room for the pages a batch touches each one is written once at commit. Set back afterwards, because
    /// the connection returns to the pool.
    /// </summary>
    private const int SqliteBatchCacheKiB = 128 * 1024;

    private static long WriteSqlite(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<ConsumptionRecord> records, Action<long>? progress, CancellationToken ct)
    {
        long previousCache;
        using (var pragma = connection.CreateCommand())
        {
            pragma.Transaction = transaction;
            pragma.CommandText = "PRAGMA cache_size";
            previousCache = Convert.ToInt64(pragma.ExecuteScalar(), CultureInfo.InvariantCulture);
            pragma.CommandText = $"PRAGMA cache_size = -{SqliteBatchCacheKiB}";
            pragma.ExecuteNonQuery();
        }

        try
        {
            return WriteSqliteRows(connection, transaction, records, progress, ct);
        }
        finally
        {
            using var restore = connection.CreateCommand();
            restore.Transaction = transaction;
            restore.CommandText = $"PRAGMA cache_size = {previousCache.ToString(CultureInfo.InvariantCulture)}";
            restore.ExecuteNonQuery();
        }
    }

    private static long WriteSqliteRows(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<ConsumptionRecord> records, Action<long>? progress, CancellationToken ct)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT OR IGNORE INTO \"ConsumptionRecords\" ({Columns}) VALUES ($o, $c, $d, $p, $s, $r, $m, $res, $u, $l, $disc, $due, $am, $a, $i)";
        var names = new[] { "$o", "$c", "$d", "$p", "$s", "$r", "$m", "$res", "$u", "$l", "$disc", "$due", "$am", "$a", "$i" };
        var parameters = names.Select(n => command.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        command.Prepare();
        long inserted = 0;
        long read = 0;
        foreach (var record in records)
        {
            // EF Core's SQLite provider stores Guid as upper-case "D" text and DateOnly as yyyy-MM-dd text.
            parameters[0].Value = SqliteGuid(record.OrganizationId);
            parameters[1].Value = SqliteGuid(record.CustomerId);
            parameters[2].Value = record.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            parameters[3].Value = record.ProductCode;
            parameters[4].Value = record.ServiceType;
            parameters[5].Value = record.Region;
            parameters[6].Value = (int)record.ChargeMode;
            parameters[7].Value = record.ResourceId;
            parameters[8].Value = record.SubUserAccount;
            parameters[9].Value = record.ListPriceFen;
            parameters[10].Value = record.DiscountFen;
            parameters[11].Value = record.AmountDueFen;
            parameters[12].Value = (object?)record.AccountManagerUserId ?? DBNull.Value;
            parameters[13].Value = (int)record.AssociationMode;
            parameters[14].Value = record.ImportId is { } importId ? SqliteGuid(importId) : DBNull.Value;
            inserted += command.ExecuteNonQuery();
            if (++read % 10_000 == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Invoke(read);
            }
        }

        progress?.Invoke(read);
        return inserted;
    }

    private static string SqliteGuid(Guid id) => id.ToString().ToUpperInvariant();

    private static async Task<long> WritePostgresAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<ConsumptionRecord> records, Action<long>? progress, CancellationToken ct)
    {
        const string staging = "consumption_staging";
        await ExecuteAsync(connection, transaction, $"""
            DROP TABLE IF EXISTS {staging};
            CREATE TEMP TABLE {staging} ("OrganizationId" uuid NOT NULL, "CustomerId" uuid NOT NULL, "Day" date NOT NULL,
              "ProductCode" varchar(64) NOT NULL, "ServiceType" varchar(64) NOT NULL, "Region" varchar(64) NOT NULL,
              "ChargeMode" integer NOT NULL, "ResourceId" varchar(128) NOT NULL, "SubUserAccount" varchar(64) NOT NULL,
              "ListPriceFen" bigint NOT NULL, "DiscountFen" bigint NOT NULL, "AmountDueFen" bigint NOT NULL,
              "AccountManagerUserId" text NULL, "AssociationMode" integer NOT NULL, "ImportId" uuid NULL) ON COMMIT DROP
            """, ct);
        long read = 0;
        await using (var writer = await connection.BeginBinaryImportAsync($"COPY {staging} ({Columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var record in records)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(record.OrganizationId, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(record.CustomerId, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(record.Day, NpgsqlDbType.Date, ct);
                await writer.WriteAsync(record.ProductCode, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(record.ServiceType, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(record.Region, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync((int)record.ChargeMode, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(record.ResourceId, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(record.SubUserAccount, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(record.ListPriceFen, NpgsqlDbType.Bigint, ct);
                await writer.WriteAsync(record.DiscountFen, NpgsqlDbType.Bigint, ct);
                await writer.WriteAsync(record.AmountDueFen, NpgsqlDbType.Bigint, ct);
                if (record.AccountManagerUserId is null)
                {
                    await writer.WriteNullAsync(ct);
                }
                else
                {
                    await writer.WriteAsync(record.AccountManagerUserId, NpgsqlDbType.Text, ct);
                }

                await writer.WriteAsync((int)record.AssociationMode, NpgsqlDbType.Integer, ct);
                if (record.ImportId is { } importId)
                {
                    await writer.WriteAsync(importId, NpgsqlDbType.Uuid, ct);
                }
                else
                {
                    await writer.WriteNullAsync(ct);
                }

                if (++read % 10_000 == 0)
                {
                    progress?.Invoke(read);
                }
            }

            await writer.CompleteAsync(ct);
        }

        progress?.Invoke(read);
        await using var insert = new NpgsqlCommand($"INSERT INTO \"ConsumptionRecords\" ({Columns}) SELECT {Columns} FROM {staging} ON CONFLICT DO NOTHING", connection, transaction);
        insert.CommandTimeout = 0;
        var inserted = await insert.ExecuteNonQueryAsync(ct);
        await ExecuteAsync(connection, transaction, $"DROP TABLE IF EXISTS {staging}", ct);
        return inserted;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
