namespace IndustryCopilot.Server.Mes;

/// <summary>POST /api/mes/lookup body: any of an alarm code, equipment, station and free question; <c>lang</c> zh or en (default zh).</summary>
internal sealed record MesLookupBody(string? EquipmentId = null, string? AlarmCode = null, string? Station = null, string? Question = null, string? Lang = null);
