using System.Globalization;
using System.Text.RegularExpressions;

namespace Aus.Dashboard.Tests;

/// <summary>The WCAG 2 contrast ratio of two CSS colours as getComputedStyle writes them (rgb(...) or rgba(...)).</summary>
internal static partial class Contrast
{
    public static double Ratio(string foreground, string background)
    {
        var (a, b) = (Luminance(foreground), Luminance(background));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    private static double Luminance(string color)
    {
        var match = Rgb().Match(color);
        match.Success.ShouldBeTrue($"'{color}' is not an rgb() colour");
        if (match.Groups["a"].Success)
        {
            double.Parse(match.Groups["a"].Value, CultureInfo.InvariantCulture).ShouldBe(1, $"'{color}' must be opaque for its contrast to be known");
        }

        double Channel(string name)
        {
            var value = double.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) / 255;
            return value <= 0.04045 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel("r")) + (0.7152 * Channel("g")) + (0.0722 * Channel("b"));
    }

    [GeneratedRegex(@"^rgba?\((?<r>[\d.]+),\s*(?<g>[\d.]+),\s*(?<b>[\d.]+)(,\s*(?<a>[\d.]+))?\)$")]
    private static partial Regex Rgb();
}
