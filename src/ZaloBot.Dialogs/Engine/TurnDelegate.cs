namespace ZaloBot.Dialogs.Engine;

public delegate Task TurnDelegate(TurnContext turn, CancellationToken cancellationToken);
