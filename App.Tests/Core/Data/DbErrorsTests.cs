using BlazorPartner.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BlazorPartner.Tests.Core.Data;

public class DbErrorsTests
{
    private static PostgresException Postgres(string sqlState) => new("message", "ERROR", "ERROR", sqlState);

    [Theory]
    [InlineData(PostgresErrorCodes.DeadlockDetected, true)]
    [InlineData(PostgresErrorCodes.SerializationFailure, true)]
    [InlineData(PostgresErrorCodes.UniqueViolation, false)]
    [InlineData(PostgresErrorCodes.ConnectionFailure, false)]
    public void A_deadlock_or_serialization_failure_is_a_lost_race_however_EF_wraps_it(string sqlState, bool lost)
    {
        // What EF's retrying strategy throws for a transaction the code began itself, and what SaveChanges throws.
        var wrapped = new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", Postgres(sqlState));
        var saving = new DbUpdateException("saving", Postgres(sqlState));

        Assert.Equal(lost, DbErrors.IsLostToConcurrentTransaction(Postgres(sqlState)));
        Assert.Equal(lost, DbErrors.IsLostToConcurrentTransaction(wrapped));
        Assert.Equal(lost, DbErrors.IsLostToConcurrentTransaction(saving));
        Assert.False(DbErrors.IsLostToConcurrentTransaction(new InvalidOperationException("no database involved")));
    }
}
