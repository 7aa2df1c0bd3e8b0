using Microsoft.Extensions.Compliance.Classification;

namespace ZaloBot.Web.Hosting;

/// <summary>Marks a [LoggerMessage] parameter as personal data: the redactor erases it from logs.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PersonalDataAttribute : DataClassificationAttribute
{
    public PersonalDataAttribute()
        : base(DataTaxonomy.PersonalData)
    {
    }
}
