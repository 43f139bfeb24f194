using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace BlazorPartner.E2E.Audit;

/// <summary>
/// The texts users (and the demo seed) typed in: customer, organization and person names, cities, notes, audit before/after
/// values. They are data, shown as entered in every language, so the translation check removes them before it looks for
/// English. Read from the app's database at check time, because tests running earlier add data of their own.
/// </summary>
public static class StoredText
{
    /// <summary>Columns holding entered text, wherever a table has them; an unknown column name is simply not read.</summary>
    private static readonly HashSet<string> DataColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        "Name", "DisplayName", "Email", "UserName", "CustomerName", "City", "ContactName", "ContactPhone", "Description",
        "RejectionNote", "RespondedByName", "AssignedToName", "Note", "ByName", "ActorName", "Before", "After", "Reason", "Number",
        "CompanyName", "RejectionReason", "RegisteredByName", "ReviewedByName", "Subject", "Body",
        "Remark", "IssuedByName", "GrantedByName", "OperatorName", "OrderId", "FileName", "Title",
        "CreditCode", "Details", "RegisteredAddress", "LegalName", "BankName", "AccountHolder",
    };

    /// <summary>Every distinct stored value of those columns, longest first (so a name is removed before a part of it).</summary>
    public static IReadOnlyList<string> Read(string databasePath)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        foreach (var table in Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
        {
            foreach (var column in Strings(connection, $"SELECT name FROM pragma_table_info('{table}')").Where(DataColumns.Contains))
            {
                foreach (var value in Strings(connection, $"SELECT DISTINCT \"{column}\" FROM \"{table}\" WHERE typeof(\"{column}\") = 'text'"))
                {
                    values.UnionWith(WithJsonLeaves(value).Where(v => v.Trim().Length > 1));
                }
            }
        }

        return values.OrderByDescending(v => v.Length).ToList();
    }

    /// <summary>
    /// The value, and for an audit row's before/after JSON every string in it: a role's title in a history line is the
    /// title as entered, even after the role itself was deleted.
    /// </summary>
    private static IEnumerable<string> WithJsonLeaves(string value)
    {
        yield return value;
        if (!value.StartsWith('{'))
        {
            yield break;
        }

        JsonDocument? document = null;
        try
        {
            document = JsonDocument.Parse(value);
        }
        catch (JsonException)
        {
        }

        if (document is null)
        {
            yield break;
        }

        using (document)
        {
            foreach (var leaf in Leaves(document.RootElement))
            {
                yield return leaf;
            }
        }
    }

    private static IEnumerable<string> Leaves(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Leaves(p.Value)).ToList(),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Leaves).ToList(),
        _ => [],
    };

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var result = new List<string>();
        while (reader.Read())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }
}
