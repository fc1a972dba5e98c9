// Exfiltration: behaviour phrases (see ../phrases.ts for the rules).
import { BehaviourPhrase, P } from './common';

export const EXFILTRATION_PHRASES: BehaviourPhrase[] = [
  P('T1041', 'context', /exfiltrat\w* (?:\w+ ){0,6}(?:over|via|through|using|to) (?:the |its |their )?(?:C2|C&C|command[- ]and[- ]control)|(?:sends?|sent|sending|uploads?|uploaded|uploading|transmit\w*|posts?|posted|posting|exfiltrat\w*) (?:\w+ ){0,5}(?:data|information|files|credentials|results|output|documents) (?:\w+ ){0,4}(?:back )?to (?:the |its |a |their )?(?:C2|C&C|command[- ]and[- ]control)(?: server)?/,
    'exfiltration over the C2 channel', ['The stolen data is exfiltrated over the C2 channel.', 'The stealer sends the collected data back to the C2 server.']),
  P('T1567.002', 'context', /exfiltrat\w* (?:\w+ ){0,6}(?:to|via) (?:cloud storage|Mega|MEGA|Dropbox|Google Drive|OneDrive|rclone)|rclone|MEGAsync|MEGAcmd|(?:upload|exfiltrat)\w* (?:\w+ ){0,6}(?:to|via) (?:an? )?(?:public )?(?:file[- ]sharing|file[- ]hosting|cloud[- ]storage) (?:services?|sites?|platforms?)|temp\.sh|transfer\.sh|gofile|anonfiles/,
    'exfiltration to cloud storage', ['The actors exfiltrated data to Mega with rclone.', 'The data was uploaded to a file-sharing service.']),
  P('T1567.004', 'strong', /(?:Discord|Slack|Teams) webhooks?|webhook\.site|(?:exfiltrat|send|post|upload)\w* (?:\w+ ){0,4}(?:to|via) (?:a |an )?webhooks?/,
    'exfiltration over a webhook', ['The stealer posts the stolen cookies to a Discord webhook.']),
  P('T1567', 'context', /exfiltrat\w* (?:\w+ ){0,4}(?:to|via|over|through) (?:an? )?(?:legitimate )?(?:web services?|Telegram|(?:Telegram )?bot API)/,
    'exfiltration over a web service', ['The stealer exfiltrates the archive via Telegram.']),
  P('T1048.003', 'context', /exfiltrat\w* (?:\w+ ){0,6}(?:over|via|using|to) (?:an? )?(?:FTP|SMTP|plain HTTP|unencrypted (?:HTTP|protocols?))(?: servers?)?/,
    'exfiltration over an unencrypted non-C2 protocol', ['The collected files are exfiltrated over FTP to a separate server.']),
  P('T1048', 'context', /exfiltrat\w* (?:\w+ ){0,6}(?:over|via|using) (?:an? )?(?:alternative|separate|different|non-C2) (?:protocols?|channels?)|(?:WinSCP|FileZilla|Restic)(?:\.exe)? (?:\w+ ){0,4}exfiltrat\w*|exfiltrat\w* (?:\w+ ){0,4}(?:with|using) (?:WinSCP|FileZilla|Restic)/,
    'exfiltration over an alternative protocol', ['The actors exfiltrated data with WinSCP.']),
  P('T1030', 'context', /(?:split|chunk|divid)\w* (?:\w+ ){0,4}(?:into )?(?:\w+ ){0,2}(?:chunks|parts|pieces|volumes) (?:\w+ ){0,6}(?:exfiltrat|upload|send|transfer)\w*|exfiltrat\w* (?:\w+ ){0,4}in (?:small |fixed-size )?chunks/,
    'data transfer size limits', ['The stealer splits the archive into 5 MB chunks before uploading them.']),
  P('T1020', 'context', /automatically (?:exfiltrat|upload|send|transmit)\w* (?:\w+ ){0,2}(?:the )?(?:collected|stolen|harvested|gathered|captured) (?:data|files|information|credentials|documents)/,
    'automated exfiltration', ['The implant automatically uploads the collected files.']),
];
