namespace Aus.Ocm;

/// <summary>
/// Which OCM service holds an environment's add-ons: the cluster service (v1: add-on upgrade
/// policies) or the add-ons service (v2, the default: upgrade plans).
/// </summary>
public enum AddonServiceVersion
{
    V1,
    V2,
}
