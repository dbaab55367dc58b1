namespace Aus.Domain.Planning;

/// <summary>What the planner does with a cluster in this pass.</summary>
public enum Decision
{
    Upgrade,
    Skip,
}
