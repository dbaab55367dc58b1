using Aus.Cli.Demo;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aus.Cli.Tests.Demo;

/// <summary>One run of the demo on the built-in sectors example, without pauses, shared by the tests that read it.</summary>
public class BundledDemoRun : IAsyncLifetime
{
    /// <summary>The built-in example to run: false the sectors example, true the sectors example with two add-ons.</summary>
    protected virtual bool Addons => false;

    internal DemoResult Result { get; private set; } = null!;

    internal DemoOutput Output { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var settings = new DemoSettings { Speed = 0, Addons = Addons };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var (inputs, exitCode) = await DemoInputs.LoadAsync(settings, stderr, CancellationToken.None);
        exitCode.ShouldBe(ExitCodes.Success, stderr.ToString());
        Result = await new DemoRunner(settings, inputs!, new PlainDemoDisplay(stdout), TimeProvider.System, NullLoggerFactory.Instance)
            .RunAsync(CancellationToken.None);
        Output = new DemoOutput(stdout.ToString());
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>One run of `aus demo --addons` on the built-in sectors example with two add-ons, without pauses.</summary>
public sealed class BundledAddonDemoRun : BundledDemoRun
{
    protected override bool Addons => true;
}
