using BlazorPartner.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Platform.Database;

/// <summary>SQLite (embedded default). Owns the migrations under Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

/// <summary>PostgreSQL (server option). Owns the migrations under Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
