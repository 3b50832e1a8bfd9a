using IndustryCopilot.Core.Index.Search;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Qdrant.Collections;
using IndustryCopilot.Qdrant.Points;
using Qdrant.Client.Grpc;

namespace IndustryCopilot.Qdrant.Queries;

/// <summary>
/// One Query API request for an <see cref="IndexQuery"/>: a prefetch per lane — sparse (lexical), dense, and sparse
/// restricted to the points holding every identifier — each with the caller's filter inside it, fused by weighted RRF
/// (Qdrant ranks from 0, so its k is ours + 1). A single lane is sent as the main query, unfused, and keeps its name.
/// </summary>
public static class QueryBuilder
{
    public static PlannedQuery? Build(IndexQuery query, bool denseAvailable)
    {
        if (FilterBuilder.Build(query.Filter) is not { } filter)
        {
            return null;
        }

        var lanes = new List<(SearchLane Lane, PrefetchQuery Prefetch, double Weight)>();
        var limit = (ulong)query.K;
        if (query.Lanes.HasFlag(SearchLanes.Lexical) && query.TermGroups.Count > 0)
        {
            var sparse = SparseTerms.ForGroups(query.TermGroups);
            lanes.Add((SearchLane.Lexical, new PrefetchQuery { Query = sparse, Using = CollectionSchema.SparseVector, Filter = filter, Limit = limit }, query.LexicalWeight));
        }
        else if (query.Lanes.HasFlag(SearchLanes.Lexical) && (query.Terms.Count > 0 || query.Grams.Count > 0))
        {
            var sparse = SparseTerms.ForQuery(query.Terms, query.Grams, query.GramWeight);
            lanes.Add((SearchLane.Lexical, new PrefetchQuery { Query = sparse, Using = CollectionSchema.SparseVector, Filter = filter, Limit = limit }, query.LexicalWeight));
        }

        if (query.Lanes.HasFlag(SearchLanes.Dense) && query.Vector is { } vector && denseAvailable)
        {
            lanes.Add((SearchLane.Dense, new PrefetchQuery { Query = vector, Using = CollectionSchema.DenseVector, Filter = filter, Limit = limit }, query.DenseWeight));
        }

        if (query.Lanes.HasFlag(SearchLanes.Identifier) && query.IdentifierGroups.Count > 0 && FilterBuilder.Build(query.IdentifierFilter ?? query.Filter) is { } scope)
        {
            var terms = query.Terms.Concat(query.IdentifierGroups.SelectMany(g => g)).ToList();
            var sparse = SparseTerms.ForQuery(terms, query.Grams, query.GramWeight);
            lanes.Add((SearchLane.Identifier, new PrefetchQuery { Query = sparse, Using = CollectionSchema.SparseVector, Filter = FilterBuilder.RequireIdentifiers(scope, query.IdentifierGroups), Limit = limit }, query.IdentifierWeight));
        }

        if (lanes.Count == 0)
        {
            return null;
        }

        var request = new QueryPoints { Limit = limit, WithPayload = new WithPayloadSelector { Include = new PayloadIncludeSelector { Fields = { PointFields.ChunkId } } } };
        if (lanes.Count == 1)
        {
            var only = lanes[0].Prefetch;
            request.Query = only.Query;
            request.Using = only.Using;
            request.Filter = only.Filter;
            return new PlannedQuery(request, lanes[0].Lane);
        }

        var rrf = new Rrf { K = (uint)query.RrfK + 1 };
        rrf.Weights.AddRange(lanes.Select(l => (float)l.Weight));
        request.Prefetch.AddRange(lanes.Select(l => l.Prefetch));
        request.Query = rrf;
        return new PlannedQuery(request, SearchLane.Fused);
    }
}
