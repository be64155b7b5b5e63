/**
 * Sentence bank for background messages: everyday business and personal chatter, so full-text
 * search over communications behaves like it would on real mail, and watch-list phrases stand out
 * only where they were put.
 */
export const MESSAGE_SENTENCES: readonly string[] = [
  'Can we move the meeting to Thursday afternoon?',
  'Please find the quarterly figures attached.',
  'Thanks for your help with the onboarding last week.',
  'I will be out of the office until Monday.',
  'Could you review the draft contract before Friday?',
  'The shipment left the warehouse this morning.',
  'Let me know when you are free for a quick call.',
  'We need to update the budget forecast for next quarter.',
  'Lunch tomorrow at the usual place?',
  'The client asked for a revised proposal.',
  'I have sent the invoice to accounts payable.',
  'Happy birthday, hope you have a great day!',
  'The flight lands at seven, see you at the hotel.',
  'Our team finished the migration ahead of schedule.',
  'Please confirm the delivery address for the order.',
  'The board meeting minutes are now on the shared drive.',
  'Can you send me the latest version of the slides?',
  'We should discuss the hiring plan next week.',
  'The kids have a school concert on Wednesday evening.',
  'I will transfer the rent on the first of the month.',
  'The audit team will visit the office in March.',
  'Thanks for the dinner last night, it was lovely.',
  'Reminder: the training session starts at nine sharp.',
  'Marketing wants feedback on the new campaign.',
  'The supplier raised prices by three percent.',
  'Please approve the expense report when you can.',
  'Traffic was terrible today, running ten minutes late.',
  'The project kickoff went well, notes to follow.',
  'We are still waiting for the signed purchase order.',
  'Great game on Sunday, we should go again.',
];

export const SUBJECT_WORDS: readonly string[] = [
  'Update',
  'Meeting',
  'Invoice',
  'Follow-up',
  'Proposal',
  'Schedule',
  'Report',
  'Question',
  'Reminder',
  'Contract',
  'Weekend',
  'Order',
  'Budget',
  'Travel',
  'Review',
  'Quarterly',
];

export const PLATFORMS: Readonly<Record<string, readonly string[]>> = {
  email: ['Outlook', 'Gmail', 'Exchange', 'ProtonMail'],
  sms: ['iMessage', 'WhatsApp', 'Signal', 'Telegram'],
  phone: ['Mobile', 'Landline', 'VoIP', 'Skype'],
  chat: ['Slack', 'Teams', 'Discord', 'Jabber'],
  video: ['Zoom', 'Teams', 'WebEx', 'Google Meet'],
  social_media: ['LinkedIn', 'Twitter', 'Facebook', 'WeChat'],
};

export const ENCRYPTED_PLATFORMS = new Set(['Signal', 'ProtonMail', 'WhatsApp', 'Telegram']);

export const ATTACHMENT_TYPES: Readonly<Record<string, readonly string[]>> = {
  email: ['pdf', 'docx', 'xlsx', 'pptx', 'zip', 'jpg'],
  sms: ['jpg', 'png', 'mp4'],
  chat: ['pdf', 'png', 'docx', 'txt'],
  social_media: ['jpg', 'png', 'mp4'],
};
