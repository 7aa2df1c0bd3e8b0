namespace ZaloBot.Web.Console;

/// <summary>A date box of a console form (<c>Shared/_DateField.cshtml</c>): text in dd/MM/yyyy, never the browser's locale.</summary>
public sealed record DateField(string Id, string Name, string Label, DateOnly? Value, bool Required = false);
