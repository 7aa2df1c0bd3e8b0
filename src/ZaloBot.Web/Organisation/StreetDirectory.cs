using Microsoft.Extensions.Options;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Web.Hosting;

namespace ZaloBot.Web.Organisation;

/// <summary>
/// The intake's reading aids from content/organisation.yaml (singleton, read once at start): the street → ward table
/// and each category's cue words. They are content, edited in the file like the texts (a restart applies them); the
/// categories and wards themselves are seeded into the database and edited in the console.
/// </summary>
public sealed class StreetDirectory
{
    public StreetDirectory(IOptions<ServiceOptions> service)
        : this(OrganisationContent.Parse(File.ReadAllText(Path.Combine(service.Value.ContentDirectory, "organisation.yaml"))))
    {
    }

    public StreetDirectory(OrganisationContent content)
    {
        var wards = content.Wards.Select(w => w.Code).ToHashSet(StringComparer.Ordinal);
        var unknown = content.Streets.SelectMany(s => s.Wards.Where(w => !wards.Contains(w)).Select(w => $"{s.Name} → {w}")).ToList();
        if (unknown.Count > 0 || content.Streets.Any(s => string.IsNullOrWhiteSpace(s.Name) || s.Wards.Count == 0))
        {
            throw new InvalidOperationException($"organisation.yaml: every street needs a name and wards of the wards list ({string.Join(", ", unknown)})");
        }

        Streets = content.Streets.Select(s => new Street(s.Name.Trim(), s.Wards)).ToList();
        CuesByCategory = content.Categories.ToDictionary(c => c.Code, c => (IReadOnlyList<string>)c.Cues, StringComparer.Ordinal);
    }

    public IReadOnlyList<Street> Streets { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> CuesByCategory { get; }
}
