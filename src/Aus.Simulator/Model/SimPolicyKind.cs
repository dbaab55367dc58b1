namespace Aus.Simulator.Model;

internal enum SimPolicyKind
{
    Cluster,
    ControlPlane,
    NodePool,
}
