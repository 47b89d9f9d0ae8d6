-- Issue 14: a day's utilisation can come from the vCenter's kept statistics (PerformanceManager, the past-month
-- interval: the day's highest 2-hour average) instead of the scan's one summary.quickStats reading. Such a day
-- replaces the scan's reading of that day (a nightly scan sees the VM at rest; the statistics see the whole day),
-- and the latest day read this way tells the next scan which days it still has to ask the vCenter for.
ALTER TABLE sourcing.vm_utilisation ADD COLUMN from_statistics boolean NOT NULL DEFAULT false;
