using System.Net.Sockets;
using BlazorPartner.Platform.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BlazorPartner.Tests.Platform.Database;

public class DatabaseFailuresTests
{
    public static TheoryData<string, Exception> Unavailable => new()
    {
        { "SQLite cannot open the file, inside EF's update exception", new DbUpdateException("save failed", new SqliteException("unable to open database file", 14)) },
        { "SQLite busy past the timeout", new SqliteException("database is locked", 5) },
        { "Npgsql cannot connect (no server on the port)", new InvalidOperationException("query failed", new NpgsqlException("Failed to connect to 127.0.0.1:1", new SocketException(111))) },
        { "PostgreSQL is shutting down", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01") },
        { "PostgreSQL connection failure class 08", new PostgresException("connection failure", "FATAL", "FATAL", "08006") },
        { "a timeout deep inside other wrappers", new InvalidOperationException("outer", new AggregateException(new ArgumentException("unrelated"), new TimeoutException("timed out"))) },
    };

    public static TheoryData<string, Exception> Other => new()
    {
        { "a SQLite constraint violation is a refused write", new DbUpdateException("save failed", new SqliteException("UNIQUE constraint failed", 19)) },
        { "a PostgreSQL unique violation is a refused write", new DbUpdateException("save failed", new PostgresException("duplicate key", "ERROR", "ERROR", "23505")) },
        { "an optimistic concurrency conflict", new DbUpdateConcurrencyException("changed meanwhile") },
        { "a bug", new NullReferenceException() },
    };

    [Theory]
    [MemberData(nameof(Unavailable))]
    public void Recognises_an_unreachable_database(string why, Exception error) =>
        Assert.True(DatabaseFailures.IsUnavailable(error), why);

    [Theory]
    [MemberData(nameof(Other))]
    public void Does_not_mistake_other_failures_for_an_outage(string why, Exception error) =>
        Assert.False(DatabaseFailures.IsUnavailable(error), why);

    [Fact]
    public void Null_is_not_an_outage() => Assert.False(DatabaseFailures.IsUnavailable(null));
}
