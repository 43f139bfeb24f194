using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BlazorPartner.Core.Data;

public static class DbErrors
{
    /// <summary>A unique index refused the row (SQLite constraint, PostgreSQL 23505): another command got there first.</summary>
    public static bool IsUniqueViolation(DbUpdateException error) => error.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// PostgreSQL gave up on the transaction because a concurrent one holds what it needs: a deadlock (40P01) or a
    /// serialization failure (40001). EF wraps them in a "transient failure" exception (a retrying execution strategy cannot
    /// replay a transaction the code began itself). Either way another command changed the rows first.
    /// </summary>
    public static bool IsLostToConcurrentTransaction(Exception error) => error switch
    {
        InvalidOperationException { InnerException: { } inner } => IsLostToConcurrentTransaction(inner),
        DbUpdateException { InnerException: { } inner } => IsLostToConcurrentTransaction(inner),
        System.Data.Common.DbException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure } => true,
        _ => false,
    };
}
