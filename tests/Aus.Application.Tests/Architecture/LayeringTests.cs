using System.Reflection;
using Aus.Application;
using Aus.Domain.Planning;

namespace Aus.Application.Tests.Architecture;

/// <summary>The layers point inwards: the domain and the use cases never know an adapter.</summary>
public sealed class LayeringTests
{
    private static readonly string[] Adapters =
        ["Aus.Cli", "aus", "Aus.Ocm", "Aus.Storage", "Aus.Policies", "Aus.Simulator", "Aus.Integrations"];

    private static readonly string[] InfrastructurePackages =
        ["Microsoft.AspNetCore", "Microsoft.Data.Sqlite", "Npgsql", "YamlDotNet", "System.CommandLine",
         "prometheus-net", "Prometheus", "Spectre.Console", "Microsoft.Extensions.Http"];

    [Fact]
    public void The_domain_references_no_adapter_and_no_infrastructure_package() =>
        ForbiddenReferencesOf(typeof(FleetPlanner).Assembly).ShouldBeEmpty();

    [Fact]
    public void The_application_layer_references_no_adapter_and_no_infrastructure_package() =>
        ForbiddenReferencesOf(ApplicationAssembly.Instance).ShouldBeEmpty();

    private static List<string> ForbiddenReferencesOf(Assembly assembly) =>
        assembly.GetReferencedAssemblies()
            .Select(reference => reference.Name ?? "")
            .Where(name => Adapters.Contains(name, StringComparer.OrdinalIgnoreCase)
                || InfrastructurePackages.Any(package => name.StartsWith(package, StringComparison.OrdinalIgnoreCase)))
            .ToList();
}
