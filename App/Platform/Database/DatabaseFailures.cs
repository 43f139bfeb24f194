using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace BlazorPartner.Platform.Database;

/// <summary>
/// Tells "the database cannot be reached" apart from other failures, so the user gets a specific message (and a fresh page
/// load a 503) instead of the generic error. A refused write (constraint, concurrency) is not an outage and is not matched.
/// </summary>
public static class DatabaseFailures
{
    // SQLITE_BUSY, SQLITE_LOCKED (another writer held the file past the timeout), SQLITE_IOERR, SQLITE_CANTOPEN.
    private static readonly HashSet<int> SqliteUnavailableCodes = [5, 6, 10, 14];

    /// <summary>True when <paramref name="error"/> or any exception inside it (inner, aggregate) means the database is unreachable.</summary>
    public static bool IsUnavailable(Exception? error)
    {
        // EF wraps provider errors (DbUpdateException, InvalidOperationException from the execution strategy); data protection
        // and Identity wrap EF's. Walk the whole tree, with a depth limit against pathological cycles.
        var pending = new Stack<(Exception Error, int Depth)>();
        if (error is not null)
        {
            pending.Push((error, 0));
        }

        while (pending.Count > 0)
        {
            var (current, depth) = pending.Pop();
            if (IsUnavailableItself(current))
            {
                return true;
            }

            if (depth >= 16)
            {
                continue;
            }

            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push((inner, depth + 1));
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push((inner, depth + 1));
            }
        }

        return false;
    }

    private static bool IsUnavailableItself(Exception error) => error switch
    {
        PostgresException postgres => IsUnavailableSqlState(postgres.SqlState),
        // Any other Npgsql error is client-side: cannot connect, connection broken, timeout, pool exhausted.
        NpgsqlException => true,
        SqliteException sqlite => SqliteUnavailableCodes.Contains(sqlite.SqliteErrorCode),
        DbException db => db.IsTransient,
        TimeoutException or SocketException or RetryLimitExceededException => true,
        _ => false,
    };

    /// <summary>Class 08 connection exceptions, server shutting down or not accepting connections yet, too many connections.</summary>
    private static bool IsUnavailableSqlState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState is "57P01" or "57P02" or "57P03" or "53300";
}
