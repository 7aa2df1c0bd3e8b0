using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.BusinessDialogue;
using ZaloBot.Web.Calendar;
using ZaloBot.Web.Cchc;
using ZaloBot.Web.Citizens;
using ZaloBot.Web.Conversations;
using ZaloBot.Web.Faq;
using ZaloBot.Web.Notifications;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.OaConnection;
using ZaloBot.Web.Inbound;
using ZaloBot.Web.Organisation;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Staff;
using ZaloBot.Web.ZaloTokens;

namespace ZaloBot.Web.Storage;

/// <summary>
/// The one database of ZaloBot. Used directly by features: no repositories on top of it. It also holds the Data
/// Protection key ring (one ring for every pod; each key encrypted with the certificate from the environment).
/// </summary>
public sealed class ZaloBotDbContext(DbContextOptions<ZaloBotDbContext> options) : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<OaConnectionRecord> OaConnections => Set<OaConnectionRecord>();

    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();

    public DbSet<FeedbackCategory> FeedbackCategories => Set<FeedbackCategory>();

    public DbSet<FeedbackTicket> Tickets => Set<FeedbackTicket>();

    public DbSet<TicketEvent> TicketEvents => Set<TicketEvent>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<ReplyTemplate> ReplyTemplates => Set<ReplyTemplate>();

    public DbSet<TicketCodeCounter> TicketCodeCounters => Set<TicketCodeCounter>();

    public DbSet<Citizen> Citizens => Set<Citizen>();

    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();

    public DbSet<DeletionRequest> DeletionRequests => Set<DeletionRequest>();

    public DbSet<StoredFaqEntry> FaqEntries => Set<StoredFaqEntry>();

    public DbSet<FaqEntryRevision> FaqEntryRevisions => Set<FaqEntryRevision>();

    public DbSet<UnansweredQuestion> UnansweredQuestions => Set<UnansweredQuestion>();

    public DbSet<FaqVote> FaqVotes => Set<FaqVote>();

    public DbSet<InboxEvent> InboxEvents => Set<InboxEvent>();

    public DbSet<OutboundMessage> OutboundMessages => Set<OutboundMessage>();

    public DbSet<ZaloOaToken> ZaloOaTokens => Set<ZaloOaToken>();

    public DbSet<TranscriptEntry> Transcript => Set<TranscriptEntry>();

    public DbSet<HandoffRequest> HandoffRequests => Set<HandoffRequest>();

    public DbSet<ConversationStateRow> ConversationStates => Set<ConversationStateRow>();

    public DbSet<ProcessedEvent> ProcessedEvents => Set<ProcessedEvent>();

    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<CchcPost> CchcPosts => Set<CchcPost>();

    public DbSet<CchcSubscription> CchcSubscriptions => Set<CchcSubscription>();

    public DbSet<CchcDelivery> CchcDeliveries => Set<CchcDelivery>();

    public DbSet<DialogueSession> DialogueSessions => Set<DialogueSession>();

    public DbSet<DialogueRegistration> DialogueRegistrations => Set<DialogueRegistration>();

    public DbSet<DialogueQuestion> DialogueQuestions => Set<DialogueQuestion>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Trigram indexes make the console's free-text search (ILIKE '%…%') an index scan instead of reading every ticket.
        builder.HasPostgresExtension("pg_trgm");

        builder.Entity<OrgUnit>().HasIndex(u => u.Code).IsUnique();
        builder.Entity<FeedbackCategory>().HasIndex(c => c.Code).IsUnique();

        builder.Entity<FeedbackTicket>(t =>
        {
            t.HasIndex(x => x.Code).IsUnique();
            t.HasIndex(x => x.SourceMessageId).IsUnique();
            // The queue: filtered by status/unit/ward and sorted by due date; must stay fast at 100,000 rows.
            t.HasIndex(x => new { x.Status, x.DueDate });
            t.HasIndex(x => new { x.UnitId, x.Status, x.DueDate });
            t.HasIndex(x => new { x.WardId, x.DueDate });
            // The queue's default order (due date, then id) and its keyset paging cursor.
            t.HasIndex(x => new { x.DueDate, x.Id });
            t.HasIndex(x => x.Text).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_tickets_text_trgm");
            t.HasIndex(x => x.CitizenId);
            t.HasOne(x => x.Ward).WithMany().HasForeignKey(x => x.WardId).OnDelete(DeleteBehavior.Restrict);
            t.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            t.HasOne(x => x.Category).WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
            t.HasOne(x => x.Citizen).WithMany().HasForeignKey(x => x.CitizenId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<TicketEvent>().HasIndex(e => new { e.TicketId, e.At });
        builder.Entity<Attachment>().HasIndex(a => a.TicketId);
        builder.Entity<Attachment>().HasIndex(a => new { a.ZaloUserId, a.Sha256 });
        builder.Entity<TicketCodeCounter>().HasKey(c => c.Year);
        builder.Entity<TicketCodeCounter>().Property(c => c.Year).ValueGeneratedNever();

        builder.Entity<Citizen>().HasIndex(c => c.ZaloUserId).IsUnique();

        builder.Entity<StoredFaqEntry>().HasIndex(f => f.Slug).IsUnique();
        builder.Entity<FaqEntryRevision>().HasIndex(r => new { r.FaqEntryId, r.Revision }).IsUnique();
        builder.Entity<UnansweredQuestion>().HasIndex(q => q.SourceMessageId).IsUnique();
        builder.Entity<UnansweredQuestion>().HasIndex(q => new { q.Status, q.AskedAt });
        builder.Entity<FaqVote>().HasIndex(v => v.SourceMessageId).IsUnique();

        builder.Entity<InboxEvent>().HasIndex(e => e.DedupeKey).IsUnique();
        builder.Entity<InboxEvent>().HasIndex(e => new { e.State, e.Id });

        builder.Entity<OutboundMessage>(o =>
        {
            o.HasIndex(x => x.IdempotencyKey).IsUnique();
            o.HasIndex(x => new { x.State, x.Priority, x.NextAttemptAt });
            o.HasIndex(x => x.ZaloMessageId);
            o.HasIndex(x => x.TicketId);
            // The claim's per-user checks (a row in flight, an earlier row waiting) look only at live rows; without this
            // each candidate scanned every row the user was ever sent.
            o.HasIndex(x => new { x.ZaloUserId, x.Id }).HasFilter("state IN (0, 1)").HasDatabaseName("ix_outbound_messages_live_user");
            // The claim's order (priority, then id) among Queued rows, read in order so a claim stops after its batch
            // instead of sorting the whole queue (a 10,000-row broadcast).
            o.HasIndex(x => new { x.Priority, x.Id }).HasFilter("state = 0").HasDatabaseName("ix_outbound_messages_queued_order");
            o.Property(x => x.Payload).HasColumnType("jsonb");
        });

        builder.Entity<ZaloOaToken>().HasKey(t => t.OaId);
        builder.Entity<OaConnectionRecord>().HasKey(c => c.OaId);

        builder.Entity<TranscriptEntry>().HasIndex(t => new { t.ZaloUserId, t.At });
        builder.Entity<TranscriptEntry>().HasIndex(t => new { t.SourceId, t.Direction }).IsUnique();

        builder.Entity<HandoffRequest>().HasIndex(h => new { h.State, h.RequestedAt });
        builder.Entity<HandoffRequest>().HasIndex(h => h.ZaloUserId);
        // The retention worker deletes old processed markers by age (Retention:ProcessedEvents).
        builder.Entity<ProcessedEvent>().HasIndex(p => p.ProcessedAt);

        builder.Entity<AuditEntry>().HasIndex(a => a.At);

        // CCHC section: the chat lists the latest published posts; the console lists by status (and unit for a ward user).
        builder.Entity<CchcPost>(p =>
        {
            p.HasIndex(x => new { x.Status, x.PublishedAt });
            p.HasIndex(x => new { x.UnitId, x.Status });
            p.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<CchcSubscription>().HasIndex(s => s.ZaloUserId).IsUnique();
        // Nobody is told twice of one post: the unique pair is the idempotency key of the fan-out and of "tin mới".
        builder.Entity<CchcDelivery>().HasIndex(d => new { d.PostId, d.ZaloUserId }).IsUnique();
        builder.Entity<CchcDelivery>().HasIndex(d => d.ZaloUserId);
        builder.Entity<CchcDelivery>().HasOne<CchcPost>().WithMany().HasForeignKey(d => d.PostId).OnDelete(DeleteBehavior.Cascade);

        builder.Entity<StaffMail>().HasIndex(m => m.IdempotencyKey).IsUnique();
        builder.Entity<StaffMail>().HasIndex(m => new { m.State, m.Id });
        builder.Entity<StaffNotificationSetting>().HasKey(s => s.UserId);
        builder.Entity<NotificationCursor>().HasKey(c => c.Name);
        builder.Entity<StaffZaloLink>(l =>
        {
            l.HasIndex(x => x.UserId).IsUnique();
            // One console user per Zalo account (NULLs, i.e. not yet linked, do not collide in PostgreSQL).
            l.HasIndex(x => x.ZaloUserId).IsUnique();
            l.HasIndex(x => x.CodeHash);
        });

        builder.Entity<DialogueSession>().HasIndex(s => s.StartsAt);
        builder.Entity<DialogueRegistration>(r =>
        {
            r.HasIndex(x => x.SessionId);
            r.HasIndex(x => x.SourceMessageId).IsUnique();
            r.HasIndex(x => new { x.SessionId, x.ZaloUserId });
            r.HasOne(x => x.Session).WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<DialogueQuestion>(q =>
        {
            q.HasIndex(x => new { x.SessionId, x.Status });
            q.HasIndex(x => x.SourceMessageId).IsUnique();
            q.HasIndex(x => x.AssignedUnitId);
            q.HasOne(x => x.Session).WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
            q.HasOne(x => x.Registration).WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.SetNull);
            q.HasOne(x => x.AssignedUnit).WithMany().HasForeignKey(x => x.AssignedUnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<CalendarDay>().HasKey(d => d.Date);
        builder.Entity<CalendarDay>().Property(d => d.Date).ValueGeneratedNever();
    }
}
