namespace Aus.Simulator;

/// <summary>The fleet file or the options cannot be used; the message names the file, the field and the bad value.</summary>
public sealed class SimulatorConfigurationException : Exception
{
    public SimulatorConfigurationException()
    {
    }

    public SimulatorConfigurationException(string message)
        : base(message)
    {
    }

    public SimulatorConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
