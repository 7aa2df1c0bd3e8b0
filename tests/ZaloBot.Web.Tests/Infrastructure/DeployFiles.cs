using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ZaloBot.Web.Tests.Infrastructure;

/// <summary>Reads the shipped deploy files: the environment each compose service and each Kubernetes pod gets.</summary>
public static partial class DeployFiles
{
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ZaloBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("ZaloBot.sln not found above the test binaries");
    }

    public static string PathOf(params string[] parts) => Path.Combine([RepositoryRoot(), .. parts]);

    /// <summary>
    /// The <c>environment</c> of a compose service after YAML anchors and merge keys (<c>&lt;&lt;: *app-env</c>),
    /// values as written (with their <c>${VAR}</c> interpolations).
    /// </summary>
    public static IReadOnlyDictionary<string, string> ComposeEnvironment(string composeYaml, string service)
    {
        var root = Load(composeYaml).Single();
        var services = (YamlMappingNode)root[new YamlScalarNode("services")];
        var node = Merged((YamlMappingNode)services[new YamlScalarNode(service)]);
        return node.TryGetValue("environment", out var env)
            ? Merged((YamlMappingNode)env).ToDictionary(kv => kv.Key, kv => (kv.Value as YamlScalarNode)?.Value ?? "")
            : new Dictionary<string, string>();
    }

    /// <summary>
    /// What a container of each Deployment gets: its <c>env</c> plus every key of the ConfigMaps and Secrets it names
    /// in <c>envFrom</c>, found among <paramref name="manifests"/>. Key = "deployment/container".
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> KubernetesEnvironments(IEnumerable<string> manifests)
    {
        var documents = manifests.SelectMany(Load).OfType<YamlMappingNode>().ToList();
        var sources = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (var doc in documents)
        {
            var kind = Scalar(doc, "kind");
            var name = Scalar((YamlMappingNode)doc[new YamlScalarNode("metadata")], "name");
            var dataKey = kind == "Secret" ? "stringData" : "data";
            if (kind is "ConfigMap" or "Secret" && doc.Children.TryGetValue(new YamlScalarNode(dataKey), out var data))
            {
                sources[$"{kind}/{name}"] = Scalars((YamlMappingNode)data);
            }
        }

        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (var doc in documents.Where(d => Scalar(d, "kind") == "Deployment"))
        {
            var deployment = Scalar((YamlMappingNode)doc[new YamlScalarNode("metadata")], "name");
            var pod = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)doc["spec"])["template"])["spec"];
            var containers = new[] { "initContainers", "containers" }
                .Where(k => pod.Children.ContainsKey(new YamlScalarNode(k)))
                .SelectMany(k => ((YamlSequenceNode)pod[new YamlScalarNode(k)]).Children.Cast<YamlMappingNode>());
            foreach (var container in containers)
            {
                var env = new Dictionary<string, string>();
                if (container.Children.TryGetValue(new YamlScalarNode("envFrom"), out var envFrom))
                {
                    foreach (var from in ((YamlSequenceNode)envFrom).Children.Cast<YamlMappingNode>())
                    {
                        var (refKind, refKey) = from.Children.ContainsKey(new YamlScalarNode("secretRef")) ? ("Secret", "secretRef") : ("ConfigMap", "configMapRef");
                        var refName = Scalar((YamlMappingNode)from[new YamlScalarNode(refKey)], "name");
                        if (!sources.TryGetValue($"{refKind}/{refName}", out var source))
                        {
                            throw new InvalidDataException($"{deployment}: envFrom names {refKind} '{refName}', which no manifest defines");
                        }

                        foreach (var (k, v) in source)
                        {
                            env[k] = v;
                        }
                    }
                }

                if (container.Children.TryGetValue(new YamlScalarNode("env"), out var list))
                {
                    foreach (var item in ((YamlSequenceNode)list).Children.Cast<YamlMappingNode>())
                    {
                        env[Scalar(item, "name")] = item.Children.TryGetValue(new YamlScalarNode("value"), out var v) ? ((YamlScalarNode)v).Value ?? "" : "";
                    }
                }

                result[$"{deployment}/{Scalar(container, "name")}"] = env;
            }
        }

        return result;
    }

    /// <summary>Environment-variable names (<c>Section__Key</c>) written in a Markdown text's code spans and blocks.</summary>
    public static IReadOnlyList<string> EnvironmentNamesIn(string markdown) =>
        [.. EnvName().Matches(markdown).Select(m => m.Value).Distinct()];

    /// <summary><c>Zalo__Tokens__AppSecret</c> → <c>Zalo:Tokens:AppSecret</c>.</summary>
    public static string ToConfigKey(string environmentName) => environmentName.Replace("__", ":", StringComparison.Ordinal);

    private static List<YamlNode> Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents.Select(d => d.RootNode)];
    }

    /// <summary>A mapping with its merge keys applied (YAML 1.1 <c>&lt;&lt;</c>): merged entries first, its own keys win.</summary>
    private static Dictionary<string, YamlNode> Merged(YamlMappingNode map)
    {
        var result = new Dictionary<string, YamlNode>();
        if (map.Children.TryGetValue(new YamlScalarNode("<<"), out var merge))
        {
            var sources = merge is YamlSequenceNode seq ? seq.Children.Cast<YamlMappingNode>() : [(YamlMappingNode)merge];
            foreach (var source in sources)
            {
                foreach (var (k, v) in Merged(source))
                {
                    result[k] = v;
                }
            }
        }

        foreach (var (k, v) in map.Children.Where(kv => ((YamlScalarNode)kv.Key).Value != "<<"))
        {
            result[((YamlScalarNode)k).Value!] = v;
        }

        return result;
    }

    private static Dictionary<string, string> Scalars(YamlMappingNode map) =>
        map.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => (kv.Value as YamlScalarNode)?.Value ?? "");

    private static string Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value ?? "" : "";

    [GeneratedRegex(@"\b[A-Z][A-Za-z]+(?:__[A-Za-z0-9]+)+\b")]
    private static partial Regex EnvName();
}
