namespace IndustryCopilot.Server.SignIn;

/// <summary>The directory could not be asked (down, unreachable, certificate refused, service account rejected): not the person's fault.</summary>
internal sealed class DirectoryUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
