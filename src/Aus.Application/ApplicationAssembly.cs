namespace Aus.Application;

/// <summary>Names the application layer's assembly for tests and wiring that need a handle on it.</summary>
public static class ApplicationAssembly
{
    public static System.Reflection.Assembly Instance => typeof(ApplicationAssembly).Assembly;
}
