using Microsoft.Extensions.Compliance.Classification;

namespace ZaloBot.Web.Hosting;

/// <summary>Marks a [LoggerMessage] parameter as a citizen's Zalo id: logged as a pseudonym.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PersonalIdAttribute : DataClassificationAttribute
{
    public PersonalIdAttribute()
        : base(DataTaxonomy.PersonalId)
    {
    }
}
