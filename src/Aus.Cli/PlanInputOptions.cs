using System.CommandLine;

namespace Aus.Cli;

/// <summary>The options `aus plan`, `aus explain`, `aus report` and `aus forecast` share; only `aus plan` writes histories.</summary>
internal sealed class PlanInputOptions
{
    public Option<string[]> Config { get; } = new("--config")
    {
        HelpName = "FILE|DIR",
        Description = "Organization policy files, or directories of them (*.yml, *.yaml, *.json); with --labels, they supply only names and environments.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<bool> Labels { get; } = new("--labels")
    {
        Description = "Take the policies from the sre-capabilities.aus.* labels of OCM (or of the --fleet snapshot) instead of organization files.",
    };

    public Option<string?> Fleet { get; } = new("--fleet")
    {
        HelpName = "FILE",
        Description = "A fleet snapshot file: what OCM reports for the clusters (instead of OCM).",
    };

    public Option<string?> OcmUrl { get; } = new("--ocm-url")
    {
        HelpName = "URL",
        Description = "Read the fleet from this OCM API; credentials from OCM_CLIENT_ID/OCM_CLIENT_SECRET or OCM_TOKEN. [default: OCM_URL, else the settings file]",
    };

    public Option<string?> TokenUrl { get; } = new("--token-url")
    {
        HelpName = "URL",
        Description = "OAuth2 token endpoint for --ocm-url. [default: OCM_TOKEN_URL, else Red Hat SSO]",
    };

    public Option<string?> Settings { get; } = Service.ServiceStartup.SettingsOption();

    /// <summary>Read only: the soak histories of the organizations without a --history file.</summary>
    public Option<string?> State { get; } = new("--state")
    {
        HelpName = "URI",
        Description = "Read the soak histories from this state store (read only); --history files win over it. [default: AUS_STATE]",
    };

    public Option<string[]> History { get; } = new("--history")
    {
        HelpName = "[ORGID=]FILE",
        Description = "The stored soak history of an organization (ORGID= may be left out with one organization file); ORGID/ADDON_ID=FILE gives the history of one of its add-ons.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string[]> HistoryOut { get; } = new("--history-out")
    {
        HelpName = "[ORGID=]FILE",
        Description = "Where to write the organization's checked-in history (own data, not inherited); ORGID/ADDON_ID=FILE writes that add-on's.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string?> Now { get; } = new("--now")
    {
        HelpName = "TIME",
        Description = "Plan as of this RFC 3339 UTC time. [default: the current time]",
    };

    /// <summary>Adds the inputs and --history-out, for a command that may write the checked-in histories.</summary>
    public void AddTo(Command command)
    {
        AddReadOnlyTo(command);
        command.Options.Add(HistoryOut);
    }

    /// <summary>Adds the inputs only: a read-only command offers no option that writes.</summary>
    public void AddReadOnlyTo(Command command)
    {
        command.Options.Add(Config);
        command.Options.Add(Labels);
        command.Options.Add(Fleet);
        command.Options.Add(OcmUrl);
        command.Options.Add(TokenUrl);
        command.Options.Add(Settings);
        command.Options.Add(State);
        command.Options.Add(History);
        command.Options.Add(Now);
    }
}
