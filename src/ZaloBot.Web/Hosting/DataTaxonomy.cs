using Microsoft.Extensions.Compliance.Classification;

namespace ZaloBot.Web.Hosting;

/// <summary>Data classes for log redaction.</summary>
public static class DataTaxonomy
{
    public const string Name = "ZaloBot";

    /// <summary>Phone numbers, names, addresses and the text citizens write: never reaches a log in clear.</summary>
    public static DataClassification PersonalData { get; } = new(Name, nameof(PersonalData));

    /// <summary>A citizen's Zalo id: replaced by a pseudonym in logs (<see cref="PseudonymRedactor"/>).</summary>
    public static DataClassification PersonalId { get; } = new(Name, nameof(PersonalId));
}
