namespace IndustryCopilot.Core.Index;

/// <summary>All vectors of the index as one row-major matrix, with the chunk row id and document id of each row.</summary>
public sealed record StoredVectors(long[] RowIds, string[] DocumentIds, float[] Matrix, int Dimension)
{
    public int Count => RowIds.Length;
}
