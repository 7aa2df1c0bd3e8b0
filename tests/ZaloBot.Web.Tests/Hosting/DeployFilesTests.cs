using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Hosting;

/// <summary>
/// The deploy files are read by a test, not only by people: every environment variable they set is one the service
/// binds (a misspelt name would be silently ignored), and together they set everything Production requires (or
/// start-up stops).
/// </summary>
public sealed class DeployFilesTests
{
    private static readonly string[] ComposeAppServices = ["migrate", "web", "worker"];

    [TestCaseSource(nameof(ComposeAppServices))]
    public void Compose_AppService_SetsOnlyBoundKeysAndEveryRequiredOne(string service)
    {
        var env = DeployFiles.ComposeEnvironment(File.ReadAllText(DeployFiles.PathOf("deploy", "compose.yaml")), service);

        Assert.That(Problems(env.Keys), Is.Empty);
        Assert.That(env["ASPNETCORE_ENVIRONMENT"], Is.EqualTo("Production"));
    }

    [Test]
    public void Kubernetes_EveryContainer_GetsOnlyBoundKeysAndEveryRequiredOne()
    {
        var manifests = Directory.GetFiles(DeployFiles.PathOf("deploy", "k8s"), "*.yaml").Select(File.ReadAllText);

        var containers = DeployFiles.KubernetesEnvironments(manifests);

        Assert.That(containers.Keys, Is.SupersetOf(new[] { "zalobot-web/zalobot", "zalobot-web/migrate", "zalobot-worker/zalobot", "zalobot-worker/migrate" }));
        Assert.That(containers.ToDictionary(c => c.Key, c => Problems(c.Value.Keys)), Has.All.Property("Value").Empty);
        Assert.That(containers["zalobot-web/zalobot"]["Service__Role"], Is.EqualTo("Web"));
        Assert.That(containers["zalobot-worker/zalobot"]["Service__Role"], Is.EqualTo("Worker"));
    }

    [Test]
    public void Readme_EnvironmentNames_AreAllBound()
    {
        var names = DeployFiles.EnvironmentNamesIn(File.ReadAllText(DeployFiles.PathOf("README.md")));

        Assert.That(names, Does.Contain("KeyRing__Certificate").And.Contain("Zalo__Tokens__AppSecret"));
        Assert.That(names.Select(n => OptionsCatalog.Unknown(DeployFiles.ToConfigKey(n))).OfType<string>(), Is.Empty);
    }

    /// <summary>The check itself: the misnamed setting of issue 9 (<c>Zalo__Webhook__OaId</c>) and the missing ones are caught.</summary>
    [Test]
    public void Problems_MisnamedAndMissingKeys_AreReported()
    {
        const string yaml = """
            services:
              web:
                environment:
                  ASPNETCORE_ENVIRONMENT: Production
                  ConnectionStrings__Postgres: Host=postgres
                  ConnectionStrings__Redis: redis:6379
                  Zalo__Webhook__AppId: "1"
                  Zalo__Webhook__OaId: "2"
                  Zalo__Webhook__OaSecretKey: "x"
                  Zalo__Tokens__AppSecret: "y"
            """;

        var problems = Problems(DeployFiles.ComposeEnvironment(yaml, "web").Keys);

        Assert.That(problems, Is.EquivalentTo(new[]
        {
            "Zalo:Webhook:OaId: no options class binds it",
            "missing Webhook:OaId", "missing Zalo:Tokens:OaId", "missing Zalo:Tokens:AppId",
            "missing AllowedHosts", "missing KeyRing:Certificate", "missing Redis:Password",
        }));
    }

    /// <summary>
    /// What the Dockerfile copies into the image is <c>dotnet publish</c>'s output: it must not carry the Development
    /// settings (local passwords, the dev OA secret). Publishes the Release build already made (no compile).
    /// </summary>
    [Test]
    public async Task Publish_ReleaseBuild_ShipsNoDevelopmentSettings()
    {
        var work = Directory.CreateTempSubdirectory("zalobot-publish-").FullName;
        var output = Path.Combine(work, "app");
        try
        {
            await using (var publish = ChildProcess.Start("publish", "dotnet",
                ["publish", DeployFiles.PathOf("src", "ZaloBot.Web", "ZaloBot.Web.csproj"), "-c", "Release", "--no-build", "-o", output, "-nologo", "-v", "quiet"],
                new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" }, work))
            {
                await publish.WaitForSuccessAsync(TimeSpan.FromMinutes(3));
            }

            Assert.That(File.Exists(Path.Combine(output, "ZaloBot.Web.dll")), Is.True);
            Assert.That(File.Exists(Path.Combine(output, "appsettings.json")), Is.True);
            Assert.That(Directory.GetFiles(output, "appsettings.*.json"), Is.Empty);
            Assert.That(File.ReadAllText(Path.Combine(output, "appsettings.json")), Does.Not.Contain("dev-secret"));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static List<string> Problems(IEnumerable<string> environmentNames)
    {
        var keys = environmentNames.Select(DeployFiles.ToConfigKey).ToList();
        var problems = keys.Select(OptionsCatalog.Unknown).OfType<string>().ToList();
        problems.AddRange(OptionsCatalog.RequiredInProduction()
            .Where(required => !keys.Contains(required, StringComparer.OrdinalIgnoreCase))
            .Select(required => "missing " + required));
        return problems;
    }
}
