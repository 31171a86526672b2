import type { ConsoleModule, DownloadKind, Role, StaffChannel, ToastPosition, Typology } from '@switchboard/contracts';

export const ROLE_LABELS: Record<Role, string> = { admin: 'Administrator', supervisor: 'Supervisor', agent: 'Agent' };

export const CHANNEL_LABELS: Record<StaffChannel, string> = {
  chat: 'Chat',
  email: 'E-mail',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  voice: 'Voice',
  openchannel: 'Open channel',
};

export const CHANNEL_ICONS: Record<StaffChannel, string> = {
  chat: 'chat',
  email: 'mail',
  sms: 'sms',
  whatsapp: 'forum',
  voice: 'call',
  openchannel: 'hub',
};

export const TYPOLOGY_LABELS: Record<Typology, string> = { phonebar: 'Phonebar', external: 'External', webrtc: 'WebRTC', mobile: 'Mobile' };

export const TOAST_POSITION_LABELS: Record<ToastPosition, string> = {
  'top-left': 'Top left',
  'top-center': 'Top center',
  'top-right': 'Top right',
  'bottom-left': 'Bottom left',
  'bottom-center': 'Bottom center',
  'bottom-right': 'Bottom right',
};

export const MODULE_LABELS: Record<ConsoleModule, string> = {
  desktop: 'Desktop',
  chat: 'Chat',
  email: 'E-mail',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  voice: 'Voice',
  openchannel: 'Open channel',
  history: 'History',
  cannedAnswers: 'Canned answers',
  messenger: 'Internal messenger',
};

export const DOWNLOAD_LABELS: Record<DownloadKind, string> = {
  attachments: 'Attachments',
  interactions: 'Omnichannel interactions',
  recordings: 'Voice recordings',
};
