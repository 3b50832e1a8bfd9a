using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Qdrant.Queries;

namespace IndustryCopilot.Qdrant.Tests.Queries;

public sealed class FilterBuilderTests
{
    [Fact]
    public void Build_NoRestriction_CurrentRevisionsOnly()
    {
        var filter = FilterBuilder.Build(SearchFilter.None)!;

        var only = Assert.Single(filter.Must);
        Assert.Equal(("status", "current"), (only.Field.Key, only.Field.Match.Keyword));
    }

    [Fact]
    public void Build_IncludeSuperseded_NoStatusCondition()
    {
        Assert.Empty(FilterBuilder.Build(new SearchFilter { IncludeSuperseded = true })!.Must);
    }

    [Fact]
    public void Build_EveryField_OneMustConditionEachAnyOfItsValues()
    {
        var filter = FilterBuilder.Build(new SearchFilter
        {
            DocumentIds = ["a", "b"],
            DocTypes = ["sop"],
            Languages = ["ZH"],
            Equipment = ["P-200"],
            Lines = ["L3", "L4"],
            AccessGroups = ["quality"],
        })!;

        var fields = filter.Must.ToDictionary(c => c.Field.Key, c => c.Field.Match);
        Assert.Equal(["a", "b"], fields["doc_id"].Keywords.Strings);
        Assert.Equal("sop", fields["doc_type"].Keyword);
        Assert.Equal("zh", fields["language"].Keyword);
        Assert.Equal("P-200", fields["equipment"].Keyword);
        Assert.Equal(["L3", "L4"], fields["line"].Keywords.Strings);
        Assert.Equal("quality", fields["groups"].Keyword);
    }

    [Fact]
    public void Build_NoAccessGroups_NullSoNothingIsAsked()
    {
        Assert.Null(FilterBuilder.Build(new SearchFilter { AccessGroups = [] }));
    }

    [Fact]
    public void RequireIdentifiers_TwoGroups_EachMustHoldOneSpelling()
    {
        var filter = FilterBuilder.RequireIdentifiers(FilterBuilder.Build(SearchFilter.None)!, [["e-203", "e203"], ["v-17"]]);

        var ids = filter.Must.Where(c => c.Field.Key == "ids").ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal(["e-203", "e203"], ids[0].Field.Match.Keywords.Strings);
        Assert.Equal("v-17", ids[1].Field.Match.Keyword);
    }
}
