namespace ZaloBot.Dialogs.Engine;

/// <summary>A shared location, or only a typed address (then the coordinates are null).</summary>
public sealed record GeoLocation(double? Latitude, double? Longitude, string? Address);
