"""The 导出中心: a user's jobs (exports made in the background) with their progress and files."""
