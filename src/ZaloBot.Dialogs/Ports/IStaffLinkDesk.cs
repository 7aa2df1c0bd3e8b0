namespace ZaloBot.Dialogs.Ports;

/// <summary>Read-only lookup of the staff link codes shown on /console/account (the web app keeps only their hashes).</summary>
public interface IStaffLinkDesk
{
    /// <summary>The staff member whose unexpired, unused link code this is; null otherwise.</summary>
    Task<StaffLinkView?> FindByCodeAsync(string code, CancellationToken cancellationToken);
}
