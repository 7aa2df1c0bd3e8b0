using System.Xml.Linq;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Hosting;

/// <summary>Directory.Packages.props declares only packages the build uses: referenced by a project, or pinned as a transitive dependency of one.</summary>
public sealed class CentralPackagesTests
{
    [Test]
    public void EveryDeclaredVersion_IsReferencedOrInTheRestoredGraph()
    {
        var declared = XDocument.Load(DeployFiles.PathOf("Directory.Packages.props")).Descendants("PackageVersion")
            .Select(e => (string)e.Attribute("Include")!).ToList();
        string[] roots = [DeployFiles.PathOf("src"), DeployFiles.PathOf("tests")];
        var projects = roots.SelectMany(r => Directory.EnumerateFiles(r, "*.csproj", SearchOption.AllDirectories))
            .Append(DeployFiles.PathOf("Directory.Build.props"))
            .Select(File.ReadAllText).ToList();
        // The restore of this very test run wrote the graphs; a package only in there is a transitive pin.
        var graphs = roots.SelectMany(r => Directory.EnumerateFiles(r, "project.assets.json", SearchOption.AllDirectories))
            .Select(File.ReadAllText).ToList();
        Assert.That(graphs, Is.Not.Empty, "no project.assets.json: run after a restore");

        var unused = declared
            .Where(p => !projects.Any(s => s.Contains($"Include=\"{p}\"", StringComparison.OrdinalIgnoreCase))
                && !graphs.Any(g => g.Contains($"\"{p}/", StringComparison.OrdinalIgnoreCase)))
            .ToList();

        Assert.That(unused, Is.Empty);
    }
}
