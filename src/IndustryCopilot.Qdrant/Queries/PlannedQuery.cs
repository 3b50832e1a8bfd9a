using IndustryCopilot.Core.Retrieval;
using Qdrant.Client.Grpc;

namespace IndustryCopilot.Qdrant.Queries;

/// <summary>A Query API request and the lane its ranking stands for (<see cref="SearchLane.Fused"/> when it fuses several).</summary>
public sealed record PlannedQuery(QueryPoints Request, SearchLane Lane);
