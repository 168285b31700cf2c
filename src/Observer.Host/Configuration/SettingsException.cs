namespace Observer.Host.Configuration;

/// <summary>A setting has a bad value. The message is one line that names the setting, where it came from and why.</summary>
public sealed class SettingsException(string message) : Exception(message);
