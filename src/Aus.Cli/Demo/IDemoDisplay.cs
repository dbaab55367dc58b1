namespace Aus.Cli.Demo;

/// <summary>Where the demo shows what happens: a live terminal view, or plain lines.</summary>
internal interface IDemoDisplay
{
    Task StartAsync(DemoIntroduction introduction, CancellationToken cancellationToken);

    Task ShowPassAsync(DemoPass pass, CancellationToken cancellationToken);

    Task FinishAsync(DemoResult result, CancellationToken cancellationToken);
}
