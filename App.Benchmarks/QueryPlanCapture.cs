using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BlazorPartner.Benchmarks;

/// <summary>
/// Records the SQL EF generates for one service call, and the database's plan for it, without re-implementing the
/// query: while armed, every query on the opportunities table is explained with its real text and parameters.
/// Armed only outside timed loops, since explaining costs a round trip (and on PostgreSQL runs the query again).
/// </summary>
internal sealed class QueryPlanCapture(Func<DbCommand, CancellationToken, Task<string>> explain) : DbCommandInterceptor
{
    private readonly List<CapturedQuery> _captured = [];
    private volatile bool _armed;

    public async Task<IReadOnlyList<CapturedQuery>> CaptureAsync(Func<Task> call)
    {
        lock (_captured)
        {
            _captured.Clear();
        }

        _armed = true;
        try
        {
            await call();
        }
        finally
        {
            _armed = false;
        }

        lock (_captured)
        {
            return [.. _captured];
        }
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (_armed && command.CommandText.Contains("\"Opportunities\"", StringComparison.Ordinal))
        {
            var plan = await explain(command, cancellationToken);
            lock (_captured)
            {
                _captured.Add(new CapturedQuery(WithParameters(command), plan));
            }
        }

        return result;
    }

    private static string WithParameters(DbCommand command)
    {
        var text = new StringBuilder();
        foreach (DbParameter parameter in command.Parameters)
        {
            text.Append("-- ").Append(parameter.ParameterName).Append(" = ")
                .Append(Convert.ToString(parameter.Value, CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.Append(command.CommandText).ToString();
    }
}

internal sealed record CapturedQuery(string Sql, string Plan);
