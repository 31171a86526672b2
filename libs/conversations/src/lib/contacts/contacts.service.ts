import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DomainException, ErrorCode, personalData, type Contact, type Page } from '@switchboard/contracts';
import { containsPattern, fetchPage, type PageQueryDto } from '@switchboard/db';
import type { Repository } from 'typeorm';
import { CONTACT_BROADCAST, type ContactBroadcast } from '../ports';
import type { SaveContactDto } from './contact.dto';
import { ContactEntity } from './contact.entity';

/** A contact as the API hands it out: branded as personal data, so masking finds it anywhere. */
export function toContact(entity: ContactEntity): Contact {
  return personalData({
    id: entity.id,
    name: entity.name,
    phone: entity.phone,
    email: entity.email,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  });
}

@Injectable()
export class ContactsService {
  constructor(
    @InjectRepository(ContactEntity) private readonly contacts: Repository<ContactEntity>,
    @Optional() @Inject(CONTACT_BROADCAST) private readonly broadcast?: ContactBroadcast,
  ) {}

  async list(query: PageQueryDto): Promise<Page<Contact>> {
    const builder = this.contacts.createQueryBuilder('c');
    if (query.q) builder.where('(c.name ilike :q or c.phone ilike :q or c.email ilike :q)', { q: containsPattern(query.q) });
    const order = query.order === 'desc' ? 'DESC' : 'ASC';
    return fetchPage(builder.orderBy('lower(c.name)', order, 'NULLS LAST').addOrderBy('c.id', order), query, toContact);
  }

  async get(id: string): Promise<Contact> {
    return toContact(await this.find(id));
  }

  async create(dto: SaveContactDto): Promise<Contact> {
    const saved = await this.contacts.save(this.contacts.create({ name: dto.name ?? null, phone: dto.phone ?? null, email: dto.email ?? null }));
    return this.announce(toContact(saved));
  }

  async update(id: string, dto: SaveContactDto): Promise<Contact> {
    const entity = await this.find(id);
    for (const key of ['name', 'phone', 'email'] as const) if (dto[key] !== undefined) entity[key] = dto[key] ?? null;
    return this.announce(toContact(await this.contacts.save(entity)));
  }

  private async find(id: string): Promise<ContactEntity> {
    const entity = await this.contacts.findOneBy({ id });
    if (!entity) throw new DomainException(ErrorCode.NotFound, 'Contact not found');
    return entity;
  }

  private announce(contact: Contact): Contact {
    this.broadcast?.contactSaved(contact);
    return contact;
  }
}
