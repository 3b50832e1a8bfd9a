using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Qdrant.Collections;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace IndustryCopilot.Qdrant.Queries;

/// <summary>
/// A <see cref="SearchFilter"/> as a Qdrant filter over the point payload, the same rules the embedded index applies
/// in SQL: current revisions only unless asked, any-of within each field, access groups shared with the caller.
/// </summary>
public static class FilterBuilder
{
    /// <summary>The filter, or null when it can match nothing (a caller with no access groups), so no query is sent.</summary>
    public static Filter? Build(SearchFilter filter)
    {
        if (filter.AccessGroups is { Count: 0 })
        {
            return null;
        }

        var result = new Filter();
        if (!filter.IncludeSuperseded)
        {
            result.Must.Add(MatchKeyword(PointFields.Status, "current"));
        }

        AnyOf(result, PointFields.DocumentId, filter.DocumentIds);
        AnyOf(result, PointFields.DocType, filter.DocTypes);
        AnyOf(result, PointFields.Language, filter.Languages.Select(l => l.ToLowerInvariant()).ToList());
        AnyOf(result, PointFields.Equipment, filter.Equipment);
        AnyOf(result, PointFields.Line, filter.Lines);
        if (filter.AccessGroups is { } groups)
        {
            AnyOf(result, PointFields.Groups, groups);
        }

        return result;
    }

    /// <summary>Adds "holds one spelling of every group" on the identifier field.</summary>
    public static Filter RequireIdentifiers(Filter filter, IReadOnlyList<IReadOnlyList<string>> groups)
    {
        var result = filter.Clone();
        foreach (var group in groups)
        {
            AnyOf(result, PointFields.Identifiers, group);
        }

        return result;
    }

    private static void AnyOf(Filter filter, string field, IReadOnlyList<string> values)
    {
        if (values.Count == 1)
        {
            filter.Must.Add(MatchKeyword(field, values[0]));
        }
        else if (values.Count > 1)
        {
            filter.Must.Add(Match(field, values.Distinct(StringComparer.Ordinal).ToList()));
        }
    }
}
