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
            "missing AllowedHosts", "missing KeyRing:Certificate",
        }));
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
