namespace IndustryCopilot.Core.Answering.Verification;

/// <summary>
/// A stated value: a number or a range (<see cref="Low"/>–<see cref="High"/>, equal for a single number), with its
/// unit's dimension and its factor to that dimension's base unit (mm → length × 0.001), or no unit. Temperatures
/// carry their scale, since °C and °F differ by an offset, not a factor.
/// </summary>
/// <param name="Text">As written.</param>
/// <param name="Low">Lower end (or the value).</param>
/// <param name="High">Upper end (or the value).</param>
/// <param name="Dimension">What the unit measures (<c>length</c>, <c>time</c>, <c>torque</c> …), or null for a bare number.</param>
/// <param name="Factor">The unit in base units of its dimension.</param>
/// <param name="Scale">For temperatures: <c>C</c>, <c>F</c> or <c>K</c>.</param>
internal sealed record Quantity(string Text, double Low, double High, string? Dimension, double Factor, string? Scale)
{
    public bool HasUnit => Dimension is not null;

    /// <summary>
    /// Whether <paramref name="other"/> states the same value: equal bare numbers, or the same dimension with values
    /// equal after an exact conversion (25 mm = 2.5 cm; 1 h = 60 min; 100 °C = 212 °F). A conversion that only
    /// rounds to the value (1 psi ≈ 0.0689 bar) is not the same value.
    /// </summary>
    public bool SameValue(Quantity other)
    {
        if (Dimension != other.Dimension)
        {
            return false;
        }

        if (Dimension == "temperature")
        {
            return Same(Kelvin(Low, Scale), Kelvin(other.Low, other.Scale)) && Same(Kelvin(High, Scale), Kelvin(other.High, other.Scale));
        }

        return Same(Low * Factor, other.Low * other.Factor) && Same(High * Factor, other.High * other.Factor);
    }

    /// <summary>Whether the bare numbers are equal (for a table row whose header carries the unit).</summary>
    public bool SameNumber(Quantity other) => Same(Low, other.Low) && Same(High, other.High);

    private static double Kelvin(double value, string? scale) => scale switch
    {
        "F" => ((value - 32) * 5 / 9) + 273.15,
        "K" => value,
        _ => value + 273.15,
    };

    private static bool Same(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));
}
